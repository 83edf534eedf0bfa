package io.partnerportal.quotes.application.port;
