package io.partnerportal.quotes.application;
