package io.partnerportal.roles.application;
