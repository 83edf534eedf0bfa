package io.partnerportal.quotes.adapter.persistence;
