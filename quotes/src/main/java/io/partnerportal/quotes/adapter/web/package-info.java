package io.partnerportal.quotes.adapter.web;
