package io.partnerportal.notifications.adapter.persistence;
