package io.partnerportal.identity.application;
