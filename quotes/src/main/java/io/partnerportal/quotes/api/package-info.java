package io.partnerportal.quotes.api;
