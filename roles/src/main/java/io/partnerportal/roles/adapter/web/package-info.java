package io.partnerportal.roles.adapter.web;
