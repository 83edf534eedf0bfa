package io.partnerportal.crm.demo.adapter.web;
