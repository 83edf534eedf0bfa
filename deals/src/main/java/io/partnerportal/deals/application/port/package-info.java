package io.partnerportal.deals.application.port;
