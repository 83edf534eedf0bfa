package io.partnerportal.profile.adapter.persistence;
