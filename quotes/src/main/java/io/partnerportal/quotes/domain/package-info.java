package io.partnerportal.quotes.domain;
