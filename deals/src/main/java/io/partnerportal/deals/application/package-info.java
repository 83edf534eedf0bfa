package io.partnerportal.deals.application;
