package io.partnerportal.crm.sync.adapter.web;
