package com.sladesk.system.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * {@code ETag} and {@code If-None-Match} for reads that clients poll and whose answer the service
 * already keeps (issue #21): the availability of a month (remembered by the availability engine)
 * and the maintenance calendar. The tag is the body's hash, so a client polling an unchanged
 * answer gets a 304 with no body. The status JSON and the Atom feed set their own tags from the
 * bytes they keep (portal's StatusPageBuilder, which serialises the JSON with each page, and
 * StatusController).
 */
@Configuration(proxyBeanMethods = false)
class ConditionalGets {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/availability", "/maintenance.ics");
        registration.setName("etagFilter");
        return registration;
    }
}
