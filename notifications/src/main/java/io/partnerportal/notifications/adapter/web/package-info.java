package io.partnerportal.notifications.adapter.web;
