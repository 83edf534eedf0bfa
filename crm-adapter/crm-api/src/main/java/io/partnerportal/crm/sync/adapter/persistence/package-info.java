package io.partnerportal.crm.sync.adapter.persistence;
