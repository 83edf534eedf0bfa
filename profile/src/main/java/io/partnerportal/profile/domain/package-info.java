package io.partnerportal.profile.domain;
