package io.partnerportal.segments.adapter.web;
