package io.partnerportal.experiences.adapter.web;
