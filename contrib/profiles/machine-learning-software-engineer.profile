# Machine Learning Software Engineer: a jobstats role profile (see
# jobstats(1), PROFILES).  From the seed article "Data Operations Manager vs.
# Machine Learning Software Engineer" (shared/seed-roles-article.txt): its
# definition, responsibilities, skills, tools and common industries.  Weights
# run from 1 (mentioned) to 5 (defines the role).
name: Machine Learning Software Engineer

# Titles that name the role; each is matched as whole words in order, any case.
title: Machine Learning Software Engineer
title: Machine Learning Engineer
title: ML Software Engineer
title: ML Engineer
title: MLE
title: Software Engineer, Machine Learning
title: Software Engineer - ML
title: MLOps Engineer
title: Applied ML Engineer

# Responsibilities
responsibility: 5 machine learning models
responsibility: 4 algorithms
responsibility: 3 model performance
responsibility: 4 pipelines
responsibility: 3 production
responsibility: 2 experiments
responsibility: 2 model accuracy
responsibility: 2 documentation

# Required skills
skill: 4 Python
skill: 1 R
skill: 2 Java
skill: 5 machine learning
skill: 3 data preprocessing
skill: 4 feature engineering
skill: 2 software development
skill: 2 version control
skill: 3 MLOps
skill: 2 statistics
skill: 2 mathematics
skill: 2 deep learning

# Tools and software
tool: 4 TensorFlow
tool: 4 PyTorch
tool: 3 scikit-learn
tool: 2 Git
tool: 2 AWS
tool: 3 SageMaker
tool: 2 Google Cloud
tool: 2 Google AI Platform

# Common industries
industry: 1 Technology
industry: 1 Software Development
industry: 1 Automotive
industry: 1 Autonomous Vehicles
industry: 1 Healthcare
industry: 1 Finance
industry: 1 E-commerce
industry: 1 Recommendation Systems
