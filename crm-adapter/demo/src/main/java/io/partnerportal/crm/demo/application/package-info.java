package io.partnerportal.crm.demo.application;
