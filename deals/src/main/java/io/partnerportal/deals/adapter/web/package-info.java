package io.partnerportal.deals.adapter.web;
