package io.partnerportal.roles.domain;
