package io.partnerportal.notifications.application;
