package io.partnerportal.notifications.application.port;
