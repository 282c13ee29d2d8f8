package testidp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server on a
 * random port of 127.0.0.1 (a different host name from the service's localhost, so the two
 * sessions' cookies stay apart), with two users: {@code alice} in group {@code sla-sre} and
 * {@code bob} in group {@code marketing}. Its ID tokens carry {@code email},
 * {@code preferred_username} and {@code groups}. Outside {@code com.sladesk}, so the service's
 * component scan never sees it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({ ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class })
public class TestIdentityProvider {

    public static final String CLIENT_ID = "sla-desk";
    public static final String CLIENT_SECRET = "sla-desk-test-secret";
    public static final String ALICE_PASSWORD = "alice-password";
    public static final String BOB_PASSWORD = "bob-password";
    private static final String CLIENT_KEY = "sla-desk-client";

    /** Starts the provider; its issuer is {@link #issuer()}. */
    public static Running start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestIdentityProvider.class)
                .web(WebApplicationType.SERVLET)
                // not the service's application.yml
                .properties("spring.config.name=testidp", "server.port=0", "server.address=127.0.0.1",
                        "spring.main.banner-mode=off", "logging.level.root=warn")
                .run();
        return new Running(context);
    }

    /** A started provider. */
    public record Running(ConfigurableApplicationContext context) implements AutoCloseable {

        public String issuer() {
            return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        /** Lets the service at {@code redirectUri} (known only once it has started) sign people in. */
        public void allowRedirectTo(String redirectUri) {
            context.getBean(InMemoryRegisteredClientRepository.class).save(client(redirectUri));
        }

        @Override
        public void close() {
            context.close();
        }
    }

    static RegisteredClient client(String redirectUri) {
        return RegisteredClient.withId(CLIENT_KEY).clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
            .with(server, s -> s.oidc(Customizer.withDefaults()))
            .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}" + ALICE_PASSWORD).authorities("GROUP_sla-sre").build(),
                User.withUsername("bob").password("{noop}" + BOB_PASSWORD).authorities("GROUP_marketing").build());
    }

    @Bean
    InMemoryRegisteredClientRepository clients() {
        return new InMemoryRegisteredClientRepository(client("http://localhost/login/oauth2/code/sso"));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                String name = context.getPrincipal().getName();
                List<String> groups = context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring(6)).toList();
                context.getClaims().claim("email", name + "@idp.example").claim("preferred_username", name)
                        .claim("groups", groups);
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }
}
