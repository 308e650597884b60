# Data Operations Manager: a jobstats role profile (see jobstats(1), PROFILES).
# From the seed article "Data Operations Manager vs. Machine Learning Software
# Engineer" (shared/seed-roles-article.txt): its definition, responsibilities,
# skills, tools and common industries.  Weights run from 1 (mentioned) to
# 5 (defines the role).
name: Data Operations Manager

# Titles that name the role; each is matched as whole words in order, any case.
title: Data Operations Manager
title: Data Ops Manager
title: DataOps Manager
title: Data Operations Lead
title: Data Ops Lead
title: DataOps Lead
title: Head of Data Operations
title: Data Operations Director
title: Director of Data Operations
title: Manager, Data Operations

# Responsibilities
responsibility: 5 data management strategies
responsibility: 4 data management policies
responsibility: 5 data quality
responsibility: 3 data integrity
responsibility: 3 data security
responsibility: 3 data workflows
responsibility: 3 optimize data processes
responsibility: 2 training
responsibility: 2 data management best practices
responsibility: 2 performance metrics
responsibility: 2 stakeholders

# Required skills
skill: 5 data governance
skill: 4 data management
skill: 3 data visualization
skill: 2 communication
skill: 3 database management
skill: 3 SQL
skill: 2 NoSQL
skill: 2 analytical thinking
skill: 2 problem solving
skill: 3 data privacy
skill: 3 GDPR
skill: 3 CCPA
skill: 1 CDMP

# Tools and software
tool: 3 Informatica
tool: 3 Talend
tool: 3 Tableau
tool: 3 Power BI
tool: 2 MySQL
tool: 2 MongoDB
tool: 1 Jira
tool: 1 Trello

# Common industries
industry: 1 Finance
industry: 1 Banking
industry: 1 Healthcare
industry: 1 Retail
industry: 1 E-commerce
industry: 1 Telecommunications
industry: 1 Government
industry: 1 Public Sector
