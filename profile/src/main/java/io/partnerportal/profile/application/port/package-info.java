package io.partnerportal.profile.application.port;
