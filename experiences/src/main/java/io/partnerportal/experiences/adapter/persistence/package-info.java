package io.partnerportal.experiences.adapter.persistence;
