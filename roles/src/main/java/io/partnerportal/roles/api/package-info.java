package io.partnerportal.roles.api;
