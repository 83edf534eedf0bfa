package io.partnerportal.roles.adapter.persistence;
