package io.partnerportal.profile.application;
