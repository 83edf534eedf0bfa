package io.partnerportal.deals.domain;
