package io.partnerportal.crm.demo.adapter.connector;
