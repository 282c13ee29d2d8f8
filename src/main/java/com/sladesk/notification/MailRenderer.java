package com.sladesk.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from {@code web/templates/mail/NAME.html} (through the application's template
 * engine) and {@code web/templates/mail/NAME.txt} (plain text mode).
 */
@Component
class MailRenderer {

    private final ITemplateEngine html;
    private final SpringTemplateEngine text;
    private final MailProperties mail;

    MailRenderer(ITemplateEngine html, MailProperties mail) {
        this.html = html;
        this.mail = mail;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.text = new SpringTemplateEngine();
        this.text.setTemplateResolver(resolver);
    }

    Rendered render(String template, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("baseUrl", mail.baseUrl());
        Context context = new Context(Locale.ENGLISH, variables);
        return new Rendered(html.process("mail/" + template, context), text.process(template, context));
    }

    record Rendered(String html, String text) {
    }
}
