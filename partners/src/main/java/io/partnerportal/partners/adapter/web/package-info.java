package io.partnerportal.partners.adapter.web;
