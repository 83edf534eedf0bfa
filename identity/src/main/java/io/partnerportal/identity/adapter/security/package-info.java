package io.partnerportal.identity.adapter.security;
