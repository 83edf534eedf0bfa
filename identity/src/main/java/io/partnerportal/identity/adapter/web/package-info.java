package io.partnerportal.identity.adapter.web;
