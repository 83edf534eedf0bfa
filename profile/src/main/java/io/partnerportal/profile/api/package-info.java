package io.partnerportal.profile.api;
