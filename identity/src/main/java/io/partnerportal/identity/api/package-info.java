package io.partnerportal.identity.api;
