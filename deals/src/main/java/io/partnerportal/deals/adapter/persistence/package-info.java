package io.partnerportal.deals.adapter.persistence;
