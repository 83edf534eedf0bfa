package io.partnerportal.profile.adapter.web;
