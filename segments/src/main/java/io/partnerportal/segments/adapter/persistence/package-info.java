package io.partnerportal.segments.adapter.persistence;
