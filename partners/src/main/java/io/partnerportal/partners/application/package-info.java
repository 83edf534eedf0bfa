package io.partnerportal.partners.application;
