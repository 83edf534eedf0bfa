package io.partnerportal.crm.demo.adapter.persistence;
