package io.partnerportal.notifications.api;
