package io.partnerportal.deals.api;
