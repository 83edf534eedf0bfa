package io.partnerportal.notifications.domain;
