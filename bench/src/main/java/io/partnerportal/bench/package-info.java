package io.partnerportal.bench;
