package io.partnerportal.roles.api.event;
