package com.sladesk;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sladesk.change.ChangeApprovalProcess;
import com.sladesk.credit.CreditRequestProcess;
import com.sladesk.incident.IncidentResponseProcess;
import com.sladesk.maintenance.MaintenanceNotificationProcess;
import com.sladesk.slaexception.SlaExceptionProcess;
import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model is deployed, and every name it shares with the code resolves: each service task's
 * delegate expression names a {@link JavaDelegate} bean, each business-rule task a deployed
 * decision, each id and message in a process's constants class an element of its model, and each
 * process with user tasks has a form in the task inbox. A misspelt name fails here, not when a
 * timer fires in production.
 */
@SlaDeskTest
class ProcessModelsTests {

    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

    /** Each process key and the constants class that names its elements. */
    private static final Map<String, Class<?>> CONSTANTS = Map.of(
            IncidentResponseProcess.KEY, IncidentResponseProcess.class,
            CreditRequestProcess.KEY, CreditRequestProcess.class,
            MaintenanceNotificationProcess.KEY, MaintenanceNotificationProcess.class,
            SlaExceptionProcess.KEY, SlaExceptionProcess.class,
            ChangeApprovalProcess.KEY, ChangeApprovalProcess.class);

    @Autowired
    RepositoryService repository;

    @Autowired
    ApplicationContext context;

    @Autowired
    List<TaskForm> forms;

    @Test
    void everyModelUnderBpmnIsDeployed() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn");
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        Set<String> deployed = latest().stream().map(ProcessDefinition::getResourceName)
                .map(name -> name.substring(name.lastIndexOf('/') + 1)).collect(Collectors.toSet());
        for (Resource file : files) {
            assertThat(deployed).as("deployed").contains(file.getFilename());
        }
    }

    @Test
    void everyDelegateExpressionNamesAJavaDelegateBean() {
        Map<String, String> unresolved = new TreeMap<>();
        int checked = 0;
        for (ProcessDefinition definition : latest()) {
            for (ServiceTask task : model(definition).getModelElementsByType(ServiceTask.class)) {
                String expression = task.getCamundaDelegateExpression();
                assertThat(expression).as(task.getId() + " is bound by a delegate expression").isNotNull();
                Matcher bean = BEAN.matcher(expression);
                if (!bean.matches() || !context.containsBean(bean.group(1))
                        || !(context.getBean(bean.group(1)) instanceof JavaDelegate)) {
                    unresolved.put(definition.getKey() + "/" + task.getId(), expression);
                }
                checked++;
            }
        }
        assertThat(checked).as("service tasks checked").isGreaterThanOrEqualTo(27);
        assertThat(unresolved).as("delegate expressions naming no JavaDelegate bean").isEmpty();
    }

    @Test
    void noServiceTaskIsSteeredByAStringParameter() {
        List<String> parameters = new ArrayList<>();
        for (ProcessDefinition definition : latest()) {
            for (CamundaInputParameter parameter : model(definition).getModelElementsByType(CamundaInputParameter.class)) {
                if (parameter.getParentElement().getParentElement().getParentElement() instanceof ServiceTask task) {
                    parameters.add(definition.getKey() + "/" + task.getId() + ": " + parameter.getCamundaName());
                }
            }
        }
        assertThat(parameters).as("one delegate per task: no step, target or kind parameters").isEmpty();
    }

    @Test
    void everyBusinessRuleTaskNamesADeployedDecision() {
        Set<String> decisions = repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .map(d -> d.getKey()).collect(Collectors.toSet());
        int checked = 0;
        for (ProcessDefinition definition : latest()) {
            for (BusinessRuleTask task : model(definition).getModelElementsByType(BusinessRuleTask.class)) {
                assertThat(decisions).as(definition.getKey() + "/" + task.getId()).contains(task.getCamundaDecisionRef());
                checked++;
            }
        }
        assertThat(checked).isPositive();
        assertThat(decisions).contains(ChangeApprovalProcess.POLICY_DECISION, "credit-tier");
    }

    @Test
    void everyNameInAConstantsClassIsInItsModel() throws Exception {
        Map<String, ProcessDefinition> byKey = latest().stream()
                .collect(Collectors.toMap(ProcessDefinition::getKey, d -> d));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Class<?>> entry : CONSTANTS.entrySet()) {
            BpmnModelInstance model = model(byKey.get(entry.getKey()));
            Set<String> ids = new HashSet<>();
            model.getModelElementsByType(BaseElement.class).forEach(e -> ids.add(e.getId()));
            Set<String> messages = new HashSet<>();
            model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
            for (Field field : entry.getValue().getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                    continue;
                }
                field.setAccessible(true);
                String name = field.getName();
                String value = (String) field.get(null);
                boolean found = name.startsWith("VAR_") || name.equals("KEY") || name.endsWith("_DECISION")
                        || (name.startsWith("MESSAGE_") ? messages.contains(value) : ids.contains(value));
                if (!found) {
                    missing.add(entry.getValue().getSimpleName() + "." + name + " = " + value);
                }
            }
        }
        assertThat(missing).as("names in constants classes missing from their models").isEmpty();
    }

    @Test
    void everyProcessWithUserTasksHasAFormInTheInbox() {
        Set<String> withForms = forms.stream().map(TaskForm::processKey).collect(Collectors.toSet());
        for (ProcessDefinition definition : latest()) {
            if (!model(definition).getModelElementsByType(UserTask.class).isEmpty()) {
                assertThat(withForms).as(definition.getKey()).contains(definition.getKey());
            }
        }
    }

    private List<ProcessDefinition> latest() {
        return repository.createProcessDefinitionQuery().latestVersion().list();
    }

    private BpmnModelInstance model(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId());
    }
}
