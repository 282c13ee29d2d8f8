package com.sladesk.system;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text in a JSON request may carry any character but NUL, which PostgreSQL cannot store: such a
 * value is a 400 naming its field (rule {@code format}) on every database, never a 500 on one.
 */
@Configuration(proxyBeanMethods = false)
class TextWithoutNul {

    @Bean
    Module textWithoutNulModule() {
        SimpleModule module = new SimpleModule("text-without-nul");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = StringDeserializer.instance.deserialize(parser, context);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw InvalidFormatException.from(parser, "text must not contain the NUL character",
                            value.replace('\u0000', '\uFFFD'), String.class);
                }
                return value;
            }
        });
        return module;
    }
}
